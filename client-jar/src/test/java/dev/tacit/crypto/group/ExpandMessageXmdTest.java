package dev.tacit.crypto.group;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import supranational.blst.P1;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 9380 Appendix K.1 (expand_message_xmd, SHA-256) and J.9.1 (the hash to G1 blst provides). */
class ExpandMessageXmdTest {

    private static final String DST = "QUUX-V01-CS02-with-expander-SHA256-128";

    private static String expand(String message, int length) {
        return HexFormat.of().formatHex(
                ExpandMessageXmd.expand(message.getBytes(StandardCharsets.US_ASCII), DST, length));
    }

    @Test
    void matchesTheRfc9380VectorsFor32Bytes() {
        assertEquals("68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235", expand("", 0x20));
        assertEquals("d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615", expand("abc", 0x20));
        assertEquals("eff31487c770a893cfb36f912fbfcbff40d5661771ca4b2cb4eafe524333f5c1",
                expand("abcdef0123456789", 0x20));
    }

    @Test
    void matchesTheRfc9380VectorsFor128Bytes() {
        assertEquals("af84c27ccfd45d41914fdff5df25293e221afc53d8ad2ac06d5e3e29485dadbee0d121587713a3e0dd4d5e69e93eb7cd"
                + "4f5df4cd103e188cf60cb02edc3edf18eda8576c412b18ffb658e3dd6ec849469b979d444cf7b26911a08e63cf31f9dc"
                + "c541708d3491184472c2c29bb749d4286b004ceb5ee6b9a7fa5b646c993f0ced", expand("", 0x80));
        assertEquals("abba86a6129e366fc877aab32fc4ffc70120d8996c88aee2fe4b32d6c7b6437a647e6c3163d40b76a73cf6a5674ef1d8"
                + "90f95b664ee0afa5359a5c4e07985635bbecbac65d747d3d2da7ec2b8221b17b0ca9dc8a1ac1c07ea6a1e60583e2cb"
                + "00058e77b7b72a298425cd1b941ad4ec65e8afc50303a22c0f99b0509b4c895f40", expand("abc", 0x80));
    }

    @Test
    void blstHashToG1MatchesTheRfc9380Vector() {
        P1 point = new P1().hash_to("abc".getBytes(StandardCharsets.US_ASCII),
                "QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_");

        assertEquals("03567bc5ef9c690c2ab2ecdf6a96ef1c139cc0b2f284dca0a9a7943388a49a3aee664ba5379a7655d3c68900be2f6903"
                + "0b9c15f3fe6e5cf4211f346271d7b01c8f3b28be689c8429c85b67af215533311f0b8dfaaa154fa6b88176c229f2885d",
                HexFormat.of().formatHex(point.serialize()));
    }
}
