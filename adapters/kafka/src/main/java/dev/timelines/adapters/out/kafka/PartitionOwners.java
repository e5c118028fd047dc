package dev.timelines.adapters.out.kafka;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which node owns which partition, by HTTP address, as the group's last rebalance gave it: the members publish
 * their addresses through the group protocol itself ({@link AddressAssignor}), so no list of nodes is kept by hand.
 * Between a node's loss and the rebalance that follows it, the lost node is still named here: asking it times out,
 * and its partitions are reported missing. Thread-safe.
 */
public final class PartitionOwners {

    /** The consumer setting that hands this object to the consumer's {@link AddressAssignor}. */
    static final String CONFIG = "timelines.partition.owners";

    private final String address;
    private volatile SortedMap<Integer, String> owners = new TreeMap<>();

    PartitionOwners(String address) {
        this.address = address;
    }

    /** This node's address, as the other members reach it. */
    public String address() {
        return address;
    }

    /** The address of every partition's owner; a partition no member owns is absent. */
    public SortedMap<Integer, String> byPartition() {
        return owners;
    }

    /** The partitions the last assignment gave to this node. */
    public Set<Integer> mine() {
        return owners.entrySet().stream().filter(owner -> owner.getValue().equals(address)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    void assigned(Map<Integer, String> assignment) {
        owners = new TreeMap<>(assignment);
    }
}
