#!/usr/bin/env python3
"""Builds Trent symmetric ciphertext golden vectors with an independent implementation (pyca/cryptography).

The format (docs/architecture.md, "Ciphertext"):
  format(1)=0x01 | account(12 ASCII digits) | keyIdLength(1) | keyId(UTF-8) | materialId(32) | nonce(32) | iv(12)
  | ciphertext | tag(16)
  data key = NIST SP 800-108 counter-mode KDF, HMAC-SHA256, one block:
             HMAC-SHA256(material, u32be(1) || "trent/symmetric/v1" || 0x00 || nonce || u32be(256))
  AAD = header (everything before the ciphertext) || canonical encryption context
  canonical context = u32be(count) || for each pair sorted by key (ordinal UTF-16 order; ASCII keys here):
                      u32be(len(key utf8)) key || u32be(len(value utf8)) value   (empty context: no bytes)
The nonce and iv come from a deterministic source: byte i of the random stream is (i % 251).
"""
import json, struct
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
import hashlib, hmac

def canonical(ctx):
    if not ctx:
        return b""
    out = struct.pack(">I", len(ctx))
    for k in sorted(ctx):
        kb, vb = k.encode(), ctx[k].encode()
        out += struct.pack(">I", len(kb)) + kb + struct.pack(">I", len(vb)) + vb
    return out

def vector(name, material, account, key_id, material_id, plaintext, ctx):
    stream = bytes(i % 251 for i in range(44))
    nonce, iv = stream[:32], stream[32:44]
    kid = key_id.encode()
    header = bytes([1]) + account.encode() + bytes([len(kid)]) + kid + bytes.fromhex(material_id) + nonce + iv
    data_key = hmac.new(material, struct.pack(">I", 1) + b"trent/symmetric/v1" + b"\x00" + nonce + struct.pack(">I", 256),
                        hashlib.sha256).digest()
    sealed = AESGCM(data_key).encrypt(iv, plaintext, header + canonical(ctx))
    return {"name": name, "material": material.hex(), "account": account, "keyId": key_id, "materialId": material_id,
            "plaintext": plaintext.hex(), "context": ctx, "blob": (header + sealed).hex()}

material = bytes(range(1, 33))
mid = bytes(range(32)).hex()
vectors = [
    vector("empty-context", material, "111122223333", "1234abcd-12ab-34cd-56ef-1234567890ab", mid, b"This is a secret", {}),
    vector("with-context", material, "111122223333", "1234abcd-12ab-34cd-56ef-1234567890ab", mid, b"This is a secret",
           {"purpose": "test", "app": "trent", "Department": "10"}),
    vector("multi-region-key", bytes(32), "000000000000", "mrk-1234abcd12ab34cd56ef1234567890ab", "ff" * 32, b"\x00" * 64, {"k": ""}),
]
json.dump(vectors, open(__file__.replace("make_symmetric_vectors.py", "symmetric-vectors.json"), "w"), indent=1)
