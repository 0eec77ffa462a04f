package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportflow.events.Channel;
import io.supportflow.events.Impact;
import io.supportflow.events.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketMixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<TicketMix.TicketPost> posts = sample(2000);

    @Test
    void everyTicketGoesThroughAChannelItsPlanIncludes() {
        assertThat(posts).allSatisfy(post ->
                assertThat(TicketMix.allowedChannels(post.plan())).contains(post.channel()));
        assertThat(TicketMix.allowedChannels(Plan.FREE)).containsExactlyInAnyOrder(Channel.WEB, Channel.CHAT);
        assertThat(TicketMix.allowedChannels(Plan.ENTERPRISE)).contains(Channel.PHONE);
    }

    @Test
    void theMixCoversEveryPlanChannelImpactAndBothLanguages() {
        assertThat(posts.stream().map(TicketMix.TicketPost::plan).distinct()).containsExactlyInAnyOrder(Plan.values());
        assertThat(posts.stream().map(TicketMix.TicketPost::channel).distinct()).containsExactlyInAnyOrder(Channel.values());
        assertThat(posts.stream().map(TicketMix.TicketPost::impact).distinct()).containsExactlyInAnyOrder(Impact.values());
        assertThat(posts.stream().map(TicketMix.TicketPost::locale).distinct()).containsExactlyInAnyOrder("en", "de");
    }

    @Test
    void bodiesAreAboutOneKilobyteOfValidTicketJson() throws Exception {
        for (TicketMix.TicketPost post : posts) {
            int bytes = post.json().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isBetween(1000, 1200);
            JsonNode body = JSON.readTree(post.json());
            assertThat(body.path("plan").asText()).isEqualTo(post.plan().name());
            assertThat(body.path("customer").path("locale").asText()).isEqualTo(post.locale());
            assertThat(body.path("customer").path("email").asText()).matches("[^@\\s]+@[^@\\s]+\\.[a-z]+");
            assertThat(body.path("subject").asText()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        }
    }

    @Test
    void everyTicketsAccountIsInTheDirectoryTheBenchLoadsOnTheTicketsPlan() throws Exception {
        Set<String> directory = Set.copyOf(TicketMix.accountDirectoryCsv().lines().toList());
        for (TicketMix.TicketPost post : posts) {
            String account = JSON.readTree(post.json()).path("customer").path("accountId").asText();
            assertThat(directory).contains(account + "," + post.plan());
        }
        assertThat(directory).contains("accountId,plan");
    }

    @Test
    void everySubmissionIsANewTicket() {
        Set<String> refs = new HashSet<>();
        posts.forEach(post -> refs.add(post.externalRef()));
        assertThat(refs).hasSize(posts.size());
    }

    @Test
    void theSameSeedGivesTheSameMix() {
        List<TicketMix.TicketPost> again = sample(2000);
        assertThat(again).isEqualTo(posts);
    }

    @Test
    void mostTicketsAreOnFreeAndPro() {
        long freeOrPro = posts.stream().filter(p -> EnumSet.of(Plan.FREE, Plan.PRO).contains(p.plan())).count();
        assertThat(freeOrPro).isBetween(posts.size() * 55L / 100, posts.size() * 75L / 100);
    }

    private static List<TicketMix.TicketPost> sample(int count) {
        TicketMix mix = new TicketMix(7, "test");
        List<TicketMix.TicketPost> sample = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sample.add(mix.next());
        }
        return sample;
    }
}
