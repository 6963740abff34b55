package id.siaga.agent.check;

import com.sun.jna.platform.linux.LibC;

/** The C library's {@code statvfs} through JNA: size, free space and inodes of a mounted file system. */
final class Statvfs {

    /** The native buffer statvfs fills, made once: laying out a JNA structure costs more than the call. */
    private static LibC.Statvfs buffer;

    private Statvfs() {
    }

    /**
     * @return bytes in total, bytes usable by unprivileged users, inodes in total and inodes free; {@code null}
     *     when the file system cannot be read
     * @throws LinkageError when JNA or the C library cannot be used
     */
    static synchronized long[] of(String mount) {
        if (buffer == null) {
            buffer = new LibC.Statvfs();
        }
        if (LibC.INSTANCE.statvfs(mount, buffer) != 0) {
            return null;
        }
        long unit = buffer.f_frsize.longValue() > 0 ? buffer.f_frsize.longValue() : buffer.f_bsize.longValue();
        return new long[] {buffer.f_blocks.longValue() * unit, buffer.f_bavail.longValue() * unit,
            buffer.f_files.longValue(), buffer.f_ffree.longValue()};
    }
}
