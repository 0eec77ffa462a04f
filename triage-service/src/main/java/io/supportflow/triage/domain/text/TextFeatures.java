package io.supportflow.triage.domain.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.GermanStemmer;

/**
 * Turns a ticket's text into the features the model weighs, each a readable string:
 * {@code s:} a word's stem (English and German Snowball, after German normalisation, so "können",
 * "koennen" and "konnen" meet), {@code b:} two neighbouring stems ("funktion nicht"), {@code n:} a stem
 * in the scope of a negation ("no outage", "kein Ausfall"), {@code k:} a group of phrases agents look for
 * ({@link Cues}).
 */
public final class TextFeatures {

    /** A negation's scope ends at punctuation or a contrast ("no outage, but nobody can join"). */
    private static final Pattern CLAUSES = Pattern.compile(
            "[.;:!?\\n]+|,|\\b(?:but|however|although|aber|jedoch|sondern|allerdings|trotzdem)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "nothing", "none",
            "dont", "don't", "doesnt", "doesn't", "isnt", "isn't", "cant", "can't", "cannot", "wont", "won't",
            "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "ohne", "nichts");
    /** Function words of both languages carry no evidence, except the negations, which carry a lot. */
    private static final Set<String> FUNCTION_WORDS = functionWords();
    private static final int NEGATION_SCOPE = 3;

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream folded = new GermanNormalizationFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, folded);
        }
    };

    /** The distinct features of {@code text}, in order of first occurrence. */
    public Set<String> of(String text) {
        Set<String> features = new LinkedHashSet<>();
        Stems stems = new Stems();
        for (String clause : CLAUSES.split(text)) {
            addClause(words(clause), stems, features);
        }
        Cues.addTo(text, features);
        return features;
    }

    private void addClause(List<String> words, Stems stems, Set<String> features) {
        String previous = null;
        int negatedUntil = -1;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (NEGATIONS.contains(word)) {
                negatedUntil = i + NEGATION_SCOPE;
            }
            if (FUNCTION_WORDS.contains(word)) {
                continue;
            }
            String stem = stems.of(word);
            features.add("s:" + stem);
            if (previous != null) {
                features.add("b:" + previous + " " + stem);
            }
            if (i <= negatedUntil && !NEGATIONS.contains(word)) {
                features.add("n:" + stem);
            }
            previous = stem;
        }
    }

    private static Set<String> functionWords() {
        Set<String> words = new HashSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(word -> words.add(new String((char[]) word)));
        GermanAnalyzer.getDefaultStopSet().forEach(word -> words.add(new String((char[]) word)));
        words.removeAll(NEGATIONS);
        return Set.copyOf(words);
    }

    private List<String> words(String clause) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", clause)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
        return words;
    }

    /**
     * A word's stem: the shorter of its English and German Snowball stems, so that either language's
     * endings come off. Snowball stemmers keep state, hence one pair per text.
     */
    private static final class Stems {
        private final SnowballStemmer english = new EnglishStemmer();
        private final SnowballStemmer german = new GermanStemmer();

        String of(String word) {
            String en = stem(english, word);
            String de = stem(german, word);
            return de.length() < en.length() ? de : en;
        }

        private static String stem(SnowballStemmer stemmer, String word) {
            stemmer.setCurrent(word);
            stemmer.stem();
            return stemmer.getCurrent();
        }
    }
}
