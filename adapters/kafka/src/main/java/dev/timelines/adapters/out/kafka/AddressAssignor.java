package dev.timelines.adapters.out.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;

/**
 * The group's assignment strategy: Kafka's range assignment (what the group used before), and the members' HTTP
 * addresses carried by the group protocol itself. Each member subscribes with its address as user data; the
 * member that computes the assignment gives every member, with its partitions, the address of every partition's
 * owner; each member keeps that map in its {@link PartitionOwners}, handed over in the consumer's settings
 * ({@link PartitionOwners#CONFIG}), as Kafka creates the assignor itself. The classic group protocol is required:
 * it is the one whose assignment is computed by a member.
 */
public final class AddressAssignor implements ConsumerPartitionAssignor, Configurable {

    private final RangeAssignor range = new RangeAssignor();
    private PartitionOwners owners;

    @Override
    public void configure(Map<String, ?> configs) {
        owners = (PartitionOwners) configs.get(PartitionOwners.CONFIG);
        if (owners == null) {
            throw new IllegalArgumentException(PartitionOwners.CONFIG + " must name this node's PartitionOwners");
        }
    }

    @Override
    public String name() {
        return "timelines-range";
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return ByteBuffer.wrap(owners.address().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription group) {
        Map<String, Assignment> assigned = range.assign(metadata, group).groupAssignment();
        Map<Integer, String> addresses = new HashMap<>();
        assigned.forEach((member, assignment) -> {
            String address = StandardCharsets.UTF_8.decode(
                    group.groupSubscription().get(member).userData().duplicate()).toString();
            assignment.partitions().forEach(partition -> addresses.put(partition.partition(), address));
        });
        ByteBuffer encoded = encode(addresses);
        Map<String, Assignment> withAddresses = new HashMap<>();
        assigned.forEach((member, assignment) -> withAddresses.put(member,
                new Assignment(List.copyOf(assignment.partitions()), encoded.duplicate())));
        return new GroupAssignment(withAddresses);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        owners.assigned(decode(assignment.userData()));
    }

    /** The consumer reads one topic: its partition numbers stand for the topic's partitions. */
    private static ByteBuffer encode(Map<Integer, String> addresses) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(addresses.size());
            for (Map.Entry<Integer, String> owner : addresses.entrySet()) {
                out.writeInt(owner.getKey());
                out.writeUTF(owner.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    private static Map<Integer, String> decode(ByteBuffer encoded) {
        Map<Integer, String> addresses = new HashMap<>();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.duplicate().get(bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                addresses.put(in.readInt(), in.readUTF());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an assignment without the owners' addresses", e);
        }
        return addresses;
    }
}
