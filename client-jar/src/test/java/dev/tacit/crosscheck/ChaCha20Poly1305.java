package dev.tacit.crosscheck;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** ChaCha20-Poly1305 (RFC 8439) through the JDK's SunJCE provider; the 16-byte tag is appended. */
final class ChaCha20Poly1305 {

    private ChaCha20Poly1305() {
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) throws GeneralSecurityException {
        return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plaintext);
    }

    static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) throws GeneralSecurityException {
        return cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ciphertext);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305", "SunJCE");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        cipher.updateAAD(aad);
        return cipher;
    }
}
