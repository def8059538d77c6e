package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shipaudit.json.Mappers;

/** The shipment as sent, kept as its own bytes only when they are plain UTF-8 JSON. */
class SentJsonTest {

    /** What the JDK's strict decoder says, the reference the in-place check must agree with. */
    private static boolean decodes(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void theInPlaceCheckAgreesWithTheStrictDecoderOnEveryEdge() {
        HexFormat hex = HexFormat.of();
        for (String s : new String[] {"", "7b7d", "c3a9", "c2a0", "e282ac", "f09f93a6", "f48fbfbf", "efbfbf", "ed9fbf",
                "ee8080",
                "c0af", "c1bf", "e080af", "e09fbf", "eda080", "edbfbf", "f08f8080", "f4908080", "f5808080", "ff",
                "80", "bf", "c3", "e282", "f09f93", "c328", "e228a1", "f0289f93", "7bc3"}) {
            byte[] b = hex.parseHex(s);
            assertEquals(decodes(b), SentJson.isStrictUtf8(b), s);
        }
    }

    @Test
    void theInPlaceCheckAgreesWithTheStrictDecoderOnRandomBytes() {
        Random random = new Random(20261204);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            random.nextBytes(b);
            assertEquals(decodes(b), SentJson.isStrictUtf8(b), HexFormat.of().formatHex(b));
        }
    }

    @Test
    void plainUtf8JsonIsKeptAsSentAndAnythingElseIsWrittenAnew() {
        byte[] plain = " {\"id\":\"S-1\",\"city\":\"München\"}".getBytes(StandardCharsets.UTF_8);
        assertSame(plain, SentJson.asReceived(plain).utf8(Mappers.json()));
        byte[] bom = ("\uFEFF{\"id\":\"S-1\"}").getBytes(StandardCharsets.UTF_8);
        byte[] rewritten = SentJson.asReceived(bom).utf8(Mappers.json());
        assertNotSame(bom, rewritten);
        assertArrayEquals("{\"id\":\"S-1\"}".getBytes(StandardCharsets.UTF_8), rewritten);
        byte[] utf16 = "{\"id\":\"S-1\"}".getBytes(StandardCharsets.UTF_16BE);
        assertFalse(SentJson.isStrictUtf8(utf16) && utf16[0] == '{', "a UTF-16 body starts with a NUL");
        assertArrayEquals("{\"id\":\"S-1\"}".getBytes(StandardCharsets.UTF_8),
                SentJson.asReceived(utf16).utf8(Mappers.json()));
        assertTrue(SentJson.isStrictUtf8(plain));
    }
}
