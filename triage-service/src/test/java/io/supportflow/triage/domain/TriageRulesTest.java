package io.supportflow.triage.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.supportflow.events.Category;
import io.supportflow.events.Impact;
import io.supportflow.events.Priority;
import io.supportflow.events.Workaround;

class TriageRulesTest {

    @Test
    void aTableWithAMissingRowIsRejectedNamingTheRow() {
        Map<Impact, Map<Workaround, Priority>> table = new EnumMap<>(Impact.class);
        for (Impact impact : Impact.values()) {
            table.put(impact, Map.of(Workaround.NONE, Priority.P1, Workaround.PARTIAL, Priority.P2,
                    Workaround.AVAILABLE, Priority.P3));
        }
        table.put(Impact.MINIMAL, Map.of(Workaround.NONE, Priority.P3));
        Map<Category, Priority> categories = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            categories.put(category, Priority.P4);
        }

        assertThatThrownBy(() -> new TriageRules(table, Workaround.NONE, categories, List.of(), 2))
                .hasMessageContaining("MINIMAL × PARTIAL");
    }
}
