package com.voxanne.ops.cli;

import com.voxanne.ops.bundle.BundleVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `verify`: exit 0 for an intact bundle, 3 for a changed or untrusted one, 2 for one that cannot be read. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks a .voxbundle against its signed manifest: every entry's SHA-256 and the Ed25519 signature.",
            "Exit 0: intact. 3: content or signature does not match, unsigned, or signed by a key not given with --trust. 2: unreadable."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle.")
    Path file;

    @Option(names = "--trust", paramLabel = "FINGERPRINT", description = "Accept only bundles signed by this key (repeatable).")
    List<String> trusted = List.of();

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("There is no file " + file + ".");
            return BundleVerifier.Status.UNREADABLE.exitCode;
        }
        var result = BundleVerifier.verify(file, Set.copyOf(trusted));
        (result.status() == BundleVerifier.Status.VERIFIED ? spec.commandLine().getOut() : spec.commandLine().getErr()).println(result.sentence());
        return result.status().exitCode;
    }
}
