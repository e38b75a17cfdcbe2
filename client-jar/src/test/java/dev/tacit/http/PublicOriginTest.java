package dev.tacit.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** docs/protocol.md §5.1's authority, which is also §2.1.3's issuer_name. */
class PublicOriginTest {

    @ParameterizedTest
    @CsvSource({
            "https://tacit.example,        tacit.example,       https://tacit.example",
            "https://Tacit.EXAMPLE,        tacit.example,       https://tacit.example",
            "https://tacit.example:443,    tacit.example,       https://tacit.example",
            "HTTPS://tacit.example:8443,   tacit.example:8443,  https://tacit.example:8443",
            "http://localhost:8080,        localhost:8080,      http://localhost:8080",
            "http://localhost:80,          localhost,           http://localhost",
            "http://127.0.0.1:8380,        127.0.0.1:8380,      http://127.0.0.1:8380",
            "http://[::1]:8080,            [::1]:8080,          http://[::1]:8080",
    })
    void theAuthorityIsTheHostLowerCasedWithAPortOnlyWhenNotTheSchemesDefault(String origin, String authority,
                                                                             String normalForm) {
        PublicOrigin parsed = PublicOrigin.parse(origin);

        assertEquals(authority, parsed.authority());
        assertEquals(normalForm, parsed.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tacit.example", "ftp://tacit.example", "https://tacit.example/", "https://tacit.example/v1",
            "https://user@tacit.example", "https://tacit.example?x=1", "https://tacit.example#top", "https://", ""})
    void anythingButSchemeHostAndPortIsRefused(String origin) {
        assertThrows(IllegalArgumentException.class, () -> PublicOrigin.parse(origin));
    }
}
