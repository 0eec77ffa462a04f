package io.supportflow.fault;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/** How far the services' consumer groups are behind their topics, read from the cluster. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * The records not yet committed by any consumer group that has members, summed; -1 while a group rebalances.
     * Groups without members (a killed instance's own group, say) consume nothing more and are not counted.
     */
    static long ofActiveGroups(Admin admin) throws Exception {
        Collection<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(listing -> listing.groupId()).toList();
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (ConsumerGroupDescription group : descriptions.values()) {
            if (group.groupState() != GroupState.STABLE && group.groupState() != GroupState.EMPTY) {
                return -1;
            }
            if (group.groupState() == GroupState.STABLE) {
                lag += lagOf(admin, group.groupId());
            }
        }
        return lag;
    }

    private static long lagOf(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                .stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS);
        return committed.entrySet().stream().filter(entry -> entry.getValue() != null)
                .mapToLong(entry -> ends.get(entry.getKey()).offset() - entry.getValue().offset()).sum();
    }
}
