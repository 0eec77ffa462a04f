package io.supportflow.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;

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
            "*ausfall|SERVERAUSFALL|true",
            "*ausfall|Totalausfälle überall|false",
            "störung|STÖRUNG im Netz|true",
            "STÖRUNG|eine störung|true",
            "STÖRUNG|Netzstörung|false",
            "*störung|NETZSTÖRUNG|true",
            "größe|FALSCHE GRÖẞE|true",
            "straße|STRASSE gesperrt|false",
            "kein zugriff|KEIN\t\tZugriff|true",
            "kein zugriff|kein  Zugriffsrecht|false",
            "kein zugriff|Zugriff: kein|false",
            "can't log in|I CAN’T LOG IN|true",
            "can't log in|I cant log in|false",
            "log in|Login fails|false",
            "key|the \u212Aey is lost|true",
            "fail|FAİL|true",
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
    void aLaterKeywordIsFoundWhenAnEarlierOnesWordsOccurButNotAsItsPhrase() {
        assertThat(new WordMatcher(List.of("kein zugriff", "zugriff")).firstMatch("Zugriff: kein")).contains("zugriff");
    }

    @Test
    void thePreCheckNeverHidesACaseVariantThatThePatternFinds() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String keyword = String.valueOf(c);
            if (keyword.isBlank() || c == '*' || Character.isSurrogate(c)) {
                continue;
            }
            WordMatcher matcher = new WordMatcher(List.of("*" + keyword + "*"));
            Pattern pattern = Pattern.compile(Pattern.quote(keyword), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (char variant : new char[] {c, Character.toUpperCase(c), Character.toLowerCase(c),
                    Character.toTitleCase(c), WordMatcher.fold(c)}) {
                String text = "(" + variant + ")";
                assertThat(matcher.firstMatch(text).isPresent())
                        .as("U+%04X in %s", (int) c, text)
                        .isEqualTo(pattern.matcher(text.replace('\u2019', '\'')).find());
            }
        }
    }

    @Test
    void aKeywordWithoutLettersIsAConfigurationError() {
        assertThatThrownBy(() -> new WordMatcher(List.of("*"))).isInstanceOf(IllegalArgumentException.class);
    }
}
