package id.siaga.agent.check;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** This machine's figures through OSHI: the {@link HostSource} on systems without {@code /proc}. */
final class OshiHost implements HostSource {

    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final Map<String, OSFileStore> stores = new HashMap<>();

    OshiHost(SystemInfo system) {
        this.cpu = system.getHardware().getProcessor();
        this.memory = system.getHardware().getMemory();
        this.os = system.getOperatingSystem();
    }

    @Override
    public long[] cpuTicks() {
        return cpu.getSystemCpuLoadTicks();
    }

    @Override
    public double cpuLoadBetween(long[] previous, long[] ticks) {
        return cpu.getSystemCpuLoadBetweenTicks(previous, ticks);
    }

    @Override
    public double loadAverage1() {
        double[] loadAverage = cpu.getSystemLoadAverage(1);
        return loadAverage.length > 0 ? loadAverage[0] : -1;
    }

    @Override
    public MemInfo memory() {
        VirtualMemory virtual = memory.getVirtualMemory();
        return new MemInfo(memory.getTotal(), memory.getAvailable(), virtual.getSwapTotal(),
                virtual.getSwapTotal() - virtual.getSwapUsed());
    }

    @Override
    public synchronized List<FileSystemEntry> fileSystems() {
        List<FileSystemEntry> entries = new ArrayList<>();
        stores.clear();
        for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
            String mount = store.getMount();
            if (mount == null || mount.isEmpty()) {
                continue;
            }
            stores.put(mount, store);
            entries.add(new FileSystemEntry(mount, store.getVolume() == null ? "" : store.getVolume(),
                    store.getType() == null ? "" : store.getType(), store.getOptions() == null ? ""
                    : store.getOptions(), store.getTotalSpace()));
        }
        return entries;
    }

    @Override
    public synchronized List<Space> spaces(List<FileSystemEntry> fileSystems) {
        List<Space> spaces = new ArrayList<>(fileSystems.size());
        for (FileSystemEntry fileSystem : fileSystems) {
            OSFileStore store = stores.get(fileSystem.mount());
            spaces.add(store == null || !store.updateAttributes() ? null : new Space(store.getTotalSpace(),
                    store.getUsableSpace(), store.getTotalInodes(), store.getFreeInodes()));
        }
        return spaces;
    }

    @Override
    public long uptimeSeconds() {
        return os.getSystemUptime();
    }
}
