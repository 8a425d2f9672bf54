namespace Trent.Core.Tests.Interop;

/// <summary>
/// SM2 values computed without Trent or BouncyCastle: the curve constants of GB/T 32918.5 written out here, and SM3
/// from OpenSSL (<c>openssl dgst -sm3</c>).
/// </summary>
internal static class Sm2Reference
{
    public const string P = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF";
    public const string A = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC";
    public const string B = "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93";
    public const string N = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123";
    public const string Gx = "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7";
    public const string Gy = "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0";

    /// <summary>e = SM3(Z ‖ M) with Z = SM3(ENTL ‖ "1234567812345678" ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (GB/T 32918.2 §5.5, §6.1).</summary>
    public static byte[] E(OpenSsl openssl, byte[] spki, byte[] message)
    {
        // The SPKI ends with the uncompressed point 04 ‖ xA ‖ yA.
        var point = spki.AsSpan(spki.Length - 64);
        byte[] z = Sm3(openssl, [0x00, 0x80, .. "1234567812345678"u8, .. Convert.FromHexString(A), .. Convert.FromHexString(B),
            .. Convert.FromHexString(Gx), .. Convert.FromHexString(Gy), .. point]);
        return Sm3(openssl, [.. z, .. message]);
    }

    private static byte[] Sm3(OpenSsl openssl, byte[] input)
    {
        openssl.Run("dgst", "-sm3", "-binary", "-out", openssl.PathOf("sm3.bin"), openssl.Write("sm3-in.bin", input));
        return openssl.Read("sm3.bin");
    }
}
