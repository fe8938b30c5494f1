package com.voxanne.ops.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Files the console writes for one person (preferences, keys, caches, notes): readable by that
 * person alone, and replaced atomically, so a crash or a full disk leaves the old version or the
 * new one, never half of either.
 */
public final class PrivateFiles {

    /** What goes into the file; may throw, in which case the old file stays as it was. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private PrivateFiles() {
    }

    /** Writes {@code content} to a private temporary file beside {@code file}, forces it to disk, then renames it over {@code file}. */
    public static void replace(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A unique name: two writers (two consoles, or a killed one's leftover) never share a temporary file.
        Path tmp = dir.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createPrivate(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                // Writers such as Jackson close what they are given; the channel must stay open to be forced.
                content.writeTo(new NonClosingStream(out));
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Creates an empty file only its owner can read and write (0600 where the file system has POSIX permissions). */
    public static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException windows) {
            // %APPDATA% and the user's own folders are already private to the user on Windows.
            Files.createFile(file);
        }
    }

    /**
     * Creates the folder if needed and makes it its owner's alone (0700 where the file system has
     * POSIX permissions): whatever is written inside, logs whose files the logging library creates
     * with the default mode included, no other account can open.
     */
    public static Path privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException windows) {
            // %APPDATA% and %LOCALAPPDATA% are already private to the user on Windows.
        }
        return dir;
    }

    /** Why a file operation failed, in words (several IOExceptions carry only a path as their message). */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException || e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a folder or file is in the way at " + e.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder or file: " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        // "No space left on device" reads inside a sentence as "no space left on device".
        return message.length() > 1 && Character.isUpperCase(message.charAt(0)) && Character.isLowerCase(message.charAt(1))
                ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    /** Whether {@code name} is a temporary file {@link #replace} left behind when its writer was killed. */
    public static boolean isLeftover(Path candidate, Path file) {
        String name = candidate.getFileName().toString();
        return name.startsWith(file.getFileName() + ".") && name.endsWith(".tmp");
    }
}
