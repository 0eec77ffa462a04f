package io.supportflow.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void anAddressWithOneAtAndADottedDomainIsPlausible() {
        for (String address : List.of("ada@example.com", "ada.lovelace+tickets@support.example.co.uk", "o'neil@example.de")) {
            assertThat(EmailAddresses.hasAddressShape(address)).as(address).isTrue();
            assertThat(EmailAddresses.isPlausible(address)).as(address).isTrue();
        }
    }

    @Test
    void anythingElseHasNotTheShape() {
        for (String text : List.of("", "ada", "ada@localhost", "ada@@example.com", "@example.com", "ada@example.c",
                "ada@example.com.", "ada lovelace@example.com", "\"ada\"@example.com", "Ada <ada@example.com>",
                "ada@example.com, bob@example.com", "ada@example.com;bob@example.com",
                "ada@example.com\r\nBcc: eve@example.com")) {
            assertThat(EmailAddresses.hasAddressShape(text)).as(text).isFalse();
            assertThat(EmailAddresses.isPlausible(text)).as(text).isFalse();
        }
        assertThat(EmailAddresses.hasAddressShape(null)).isFalse();
        assertThat(EmailAddresses.isPlausible(null)).isFalse();
    }

    @Test
    void theShapeLeavesCharactersAndLengthToTheLineRuleWhilePlausibleChecksThemToo() {
        String tooLong = "a".repeat(EmailAddresses.MAX_CHARS - "@example.com".length() + 1) + "@example.com";
        for (String text : List.of("ada\u0000@example.com", "ada@exa\u0085mple.com", "ada\u2028@example.com",
                "ada\u202E@example.com", "ada\uD800@example.com", tooLong)) {
            assertThat(EmailAddresses.hasAddressShape(text)).as(text).isTrue();
            assertThat(EmailAddresses.isPlausible(text)).as(text).isFalse();
        }
        String longest = "a".repeat(EmailAddresses.MAX_CHARS - "@example.com".length()) + "@example.com";
        assertThat(EmailAddresses.isPlausible(longest)).isTrue();
    }
}
