package io.supportflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrokerCeilingTest {

    @Test
    void readsTheSummaryLineOfProducerPerformance() {
        String line = "300000 records sent, 57012.5 records/sec (62.97 MB/sec), 412.31 ms avg latency, "
                + "1021.00 ms max latency, 390 ms 50th, 780 ms 95th, 845 ms 99th, 990 ms 99.9th.";
        BrokerCeiling.Result result = BrokerCeiling.parse(line, 1158).orElseThrow();
        assertThat(result.records()).isEqualTo(300_000);
        assertThat(result.recordsPerSecond()).isEqualTo(57012.5);
        assertThat(result.megabytesPerSecond()).isEqualTo(62.97);
        assertThat(result.recordBytes()).isEqualTo(1158);
        assertThat(result.p50Ms()).isEqualTo(390);
        assertThat(result.p99Ms()).isEqualTo(845);
        assertThat(result.p999Ms()).isEqualTo(990);
    }

    @Test
    void ignoresTheProgressLines() {
        assertThat(BrokerCeiling.parse("285201 records sent, 57040.2 records/sec (62.99 MB/sec), 401.1 ms avg "
                + "latency, 1021.0 ms max latency.", 1158)).isEmpty();
    }
}
