package io.supportflow.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void lineBreaksAndControlCharactersCannotStartAnotherHeader() {
        assertThat(HeaderText.clean("Help\r\nBcc: victim@example.com\n\tX-Injected: yes\u0000"))
                .isEqualTo("Help Bcc: victim@example.com X-Injected: yes");
    }

    @Test
    void ordinaryTextIsKeptAndOverlongTextIsShortened() {
        assertThat(HeaderText.clean("  Export bricht ab – 50 % ")).isEqualTo("Export bricht ab – 50 %");
        assertThat(HeaderText.clean("x".repeat(500))).hasSize(200).endsWith("…");
        assertThat(HeaderText.clean(null)).isEmpty();
    }
}
