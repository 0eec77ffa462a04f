package io.supportflow.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WordMatcherTest {

    @ParameterizedTest(name = "\"{0}\" in \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
            "down|The portal is down since 9|true",
            "down|DOWN for everyone|true",
            "down|I cannot download the invoice|false",
            "down|Please add a dropdown|false",
            "down|The breakdown chart is wrong|false",
            "down|Shutdown notice|false",
            "down|down.|true",
            "outage|(outage) in EU|true",
            "funktioniert nicht|Der Login funktioniert nicht mehr|true",
            "funktioniert nicht|Der Login funktioniert   nicht|true",
            "funktioniert nicht|Das funktioniert nichtmal halb|false",
            "*ausfall|Serverausfall seit heute Nacht|true",
            "*ausfall|Ausfall des Portals|true",
            "*ausfall|Ausfallzeit geplant|false",
            "install*|Installation fails|true",
            "install*|Reinstall the client|false",
            "*schulung*|Mitarbeiterschulungen vor Ort|true",
            "slow|SLOW pages|true",
            "slow|slowly getting worse|false",
            "can't join any meeting|We can’t join any meeting|true",
            "langsam|Das System ist ÜBERAUS LANGSAM|true",
            "langsam|allmählich langsamer|false",
    })
    void keywordsMatchWholeWordsOnly(String keyword, String text, boolean matches) {
        assertThat(new WordMatcher(List.of(keyword)).firstMatch(text).isPresent()).isEqualTo(matches);
    }

    @Test
    void aPhraseMatchesAcrossALineBreak() {
        assertThat(new WordMatcher(List.of("funktioniert nicht")).firstMatch("Der Login funktioniert\nnicht")).isPresent();
    }

    @Test
    void theFirstConfiguredKeywordFoundIsReported() {
        assertThat(new WordMatcher(List.of("outage", "down")).firstMatch("Down: total outage")).contains("outage");
    }

    @Test
    void aKeywordWithoutLettersIsAConfigurationError() {
        assertThatThrownBy(() -> new WordMatcher(List.of("*"))).isInstanceOf(IllegalArgumentException.class);
    }
}
