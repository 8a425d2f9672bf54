using System.Net.Sockets;
using Trent.Server.Tests.Wire;

namespace Trent.Server.Tests.Robustness;

/// <summary>A client that goes away in the middle of its body is not an internal error: nothing is logged as one.</summary>
public sealed class DisconnectTests(DevServerFixture fx) : IClassFixture<DevServerFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_that_disconnects_mid_body_leaves_no_error_in_the_log_and_the_server_keeps_serving(bool reset)
    {
        var request = fx.Wire.Request("GenerateRandom", """{"NumberOfBytes":8}""").WithHeader("Content-Length", "100");
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(fx.Server.BaseAddress.Host, fx.Server.BaseAddress.Port);
            await client.GetStream().WriteAsync(request.ToBytes());
            await Task.Delay(200);
            if (reset)
            {
                client.Client.LingerState = new LingerOption(true, 0);
            }
        }

        Assert.Equal(200, (await fx.Wire.SendAsync("GenerateRandom", """{"NumberOfBytes":8}""")).Status);
        await Task.Delay(200);
        Assert.DoesNotContain(fx.Server.Log.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
    }
}
