package dev.reposix.core.layout;

import dev.reposix.api.RecordId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Breaks loops in parent chains, which a source of truth should never report but a layout must
 * survive: in each loop the record with the smallest id loses its parent. Thread-safe (stateless).
 */
final class ParentCycles {

    private ParentCycles() {
    }

    /** Removes one parent link per loop; {@code ids} is iterated in id order for determinism. */
    static void breakCycles(Set<RecordId> ids, Map<RecordId, RecordId> parents) {
        Set<RecordId> settled = new HashSet<>();
        for (RecordId start : ids) {
            List<RecordId> chain = new ArrayList<>();
            Set<RecordId> onChain = new HashSet<>();
            RecordId current = start;
            while (current != null && !settled.contains(current)) {
                if (!onChain.add(current)) {
                    List<RecordId> loop = chain.subList(chain.indexOf(current), chain.size());
                    parents.remove(loop.stream().min(IdOrder.ORDER).orElseThrow());
                    break;
                }
                chain.add(current);
                current = parents.get(current);
            }
            settled.addAll(chain);
        }
    }
}
