// ML-DSA (FIPS 204) from @noble/post-quantum, an implementation independent of Trent's BouncyCastle.
// Usage (all byte strings hex; pure ML-DSA with the empty context, as AWS KMS signs):
//   node verify-mldsa.mjs verify    <44|65|87> <publicKey> <message> <signature>  -> "valid" | "invalid"
//   node verify-mldsa.mjs verify-mu <44|65|87> <publicKey> <mu> <signature>       -> "valid" | "invalid"
//   node verify-mldsa.mjs keygen    <44|65|87> <seed>                             -> public key
//   node verify-mldsa.mjs sign      <44|65|87> <seed> <message>                   -> signature
//   node verify-mldsa.mjs mu        <44|65|87> <publicKey> <message>              -> mu = SHAKE256(tr || 0 || 0 || M)
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { shake256 } from '@noble/hashes/sha3.js';
import { hexToBytes, bytesToHex } from '@noble/hashes/utils.js';

const [command, level, ...args] = process.argv.slice(2);
const dsa = { 44: ml_dsa44, 65: ml_dsa65, 87: ml_dsa87 }[level];
if (!dsa) {
  console.error(`unknown ML-DSA level '${level}'`);
  process.exit(2);
}
const b = hexToBytes;

switch (command) {
  case 'verify': {
    const [pk, msg, sig] = args.map(b);
    console.log(dsa.verify(sig, msg, pk) ? 'valid' : 'invalid');
    break;
  }
  case 'verify-mu': {
    const [pk, mu, sig] = args.map(b);
    console.log(dsa.internal.verify(sig, mu, pk, { externalMu: true }) ? 'valid' : 'invalid');
    break;
  }
  case 'keygen':
    console.log(bytesToHex(dsa.keygen(b(args[0])).publicKey));
    break;
  case 'sign': {
    const { secretKey } = dsa.keygen(b(args[0]));
    console.log(bytesToHex(dsa.sign(b(args[1]), secretKey)));
    break;
  }
  case 'mu': {
    // FIPS 204 Algorithm 2 with an empty context: M' = 0x00 || 0x00 || M; tr = H(pk, 64); mu = H(tr || M', 64).
    const [pk, msg] = args.map(b);
    const tr = shake256(pk, { dkLen: 64 });
    console.log(bytesToHex(shake256.create({ dkLen: 64 }).update(tr).update(new Uint8Array([0, 0])).update(msg).digest()));
    break;
  }
  default:
    console.error(`unknown command '${command}'`);
    process.exit(2);
}
