package io.supportflow.triage.domain.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportflow.events.Priority;

/** Reads labelled tickets from JSON Lines files on the class path (the format of docs/corpus-brief.md). */
public final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    public static List<LabelledText> read(String resource) {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No corpus file " + resource + " on the class path");
        }
        List<LabelledText> texts = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    texts.add(parse(resource, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read corpus file " + resource, e);
        }
        return texts;
    }

    public static List<LabelledText> readAll(List<String> resources) {
        return resources.stream().flatMap(resource -> read(resource).stream()).toList();
    }

    private static LabelledText parse(String resource, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            String text = node.path("subject").asText("") + "\n" + node.path("description").asText("");
            return new LabelledText(node.path("id").asText(), node.path("language").asText(),
                    node.path("channel").asText(), text, Priority.valueOf(node.path("priority").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Unreadable line in corpus file " + resource + ": " + line, e);
        }
    }
}
