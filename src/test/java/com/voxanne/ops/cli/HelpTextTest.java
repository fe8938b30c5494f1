package com.voxanne.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 15: "voxconsole --help" lists each command with the first line of its description, and two
 * of them stopped mid-sentence at a comma. Every command's first line is a whole sentence.
 */
class HelpTextTest {

    @Test
    void everyCommandIsSummedUpInOneWholeSentence() {
        CommandLine root = CommandLineRunner.commandLine();
        assertThat(root.getSubcommands()).hasSizeGreaterThan(8);
        for (var entry : root.getSubcommands().entrySet()) {
            String[] description = entry.getValue().getCommandSpec().usageMessage().description();
            assertThat(description).as(entry.getKey()).isNotEmpty();
            assertThat(description[0]).as("the first line of '%s'", entry.getKey()).endsWith(".").doesNotEndWith(",.");
        }
    }
}
