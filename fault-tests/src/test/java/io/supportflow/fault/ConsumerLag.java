package io.supportflow.fault;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumer groups are behind their topics, read from the cluster. A service's shared groups
 * count in full: every partition assigned to a member or ever committed, a partition without a commit from its log
 * start (they read from the earliest offset). An instance's own group (its name ends in the instance's UUID) counts
 * only while the instance lives, and only where it has committed: it may start at the log end.
 */
final class ConsumerLag {

    private static final Pattern INSTANCE_GROUP = Pattern.compile(".*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private ConsumerLag() {
    }

    /** The records not yet consumed, summed over the groups; -1 while a group rebalances. */
    static long of(Admin admin) throws Exception {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS)
                .stream().map(GroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (ConsumerGroupDescription group : descriptions.values()) {
            GroupState state = group.groupState();
            if (state != GroupState.STABLE && state != GroupState.EMPTY) {
                return -1;
            }
            boolean instanceGroup = INSTANCE_GROUP.matcher(group.groupId()).matches();
            if (!(instanceGroup && state == GroupState.EMPTY)) {
                lag += lagOf(admin, group, instanceGroup);
            }
        }
        return lag;
    }

    private static long lagOf(Admin admin, ConsumerGroupDescription group, boolean onlyCommitted) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group.groupId())
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
        committed.values().removeIf(offset -> offset == null);
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        if (!onlyCommitted) {
            group.members().forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
        }
        Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
        return partitions.stream().mapToLong(partition -> ends.get(partition) - (committed.containsKey(partition)
                ? committed.get(partition).offset() : starts.get(partition))).sum();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, p -> spec)))
                .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
