// Ed25519ph (RFC 8032 HashEdDSA, empty context) from @noble/curves, independent of Trent's BouncyCastle.
// ed25519ph hashes its input with SHA-512 before signing: PH(M) = SHA-512(M).
// Usage (hex):
//   node verify-ed25519ph.mjs verify <publicKey> <message> <signature>  -> "valid" | "invalid"
//   node verify-ed25519ph.mjs sign   <seed> <message>                   -> signature
import { ed25519ph } from '@noble/curves/ed25519.js';
import { hexToBytes, bytesToHex } from '@noble/hashes/utils.js';

const [command, ...args] = process.argv.slice(2);
const [a, b, c] = args.map(hexToBytes);
switch (command) {
  case 'verify':
    console.log(ed25519ph.verify(c, b, a) ? 'valid' : 'invalid');
    break;
  case 'sign':
    console.log(bytesToHex(ed25519ph.sign(b, a)));
    break;
  default:
    console.error(`unknown command '${command}'`);
    process.exit(2);
}
