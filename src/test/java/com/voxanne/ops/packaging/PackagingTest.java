package com.voxanne.ops.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The installer inputs of every OS, checked here because only the Linux ones can be built on this
 * machine: each args file names files that exist, icons are what their names say, the file
 * association and the Windows upgrade code are well-formed, and the CI workflow that builds the
 * Windows and macOS installers parses and runs the installer profile on each OS.
 */
class PackagingTest {

    private static final Path PACKAGING = Path.of("packaging");
    private static final List<String> SYSTEMS = List.of("linux", "windows", "macos");

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    @Test
    void everyArgsFileNamesOnlyFilesThatExist() throws IOException {
        Pattern path = Pattern.compile("(packaging/[\\w./-]+)");
        for (String os : SYSTEMS) {
            for (String file : List.of("image.args", "installer.args")) {
                String args = read(PACKAGING.resolve(os).resolve(file));
                Matcher m = path.matcher(args);
                int named = 0;
                while (m.find()) {
                    named++;
                    assertThat(Path.of(m.group(1))).as(os + "/" + file + " names " + m.group(1)).exists();
                }
                assertThat(named).as(os + "/" + file).isPositive();
                assertThat(args).as(os + "/" + file).contains("--name");
            }
        }
        assertThat(read(PACKAGING.resolve("jlink.args"))).contains("--add-modules java.base,").contains("--strip-debug").contains("--no-man-pages");
    }

    @Test
    void iconsAreWhatTheirNamesSay() throws IOException {
        byte[] png = Files.readAllBytes(PACKAGING.resolve("linux/voxconsole.png"));
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        byte[] ico = Files.readAllBytes(PACKAGING.resolve("windows/voxconsole.ico"));
        assertThat(new byte[] {ico[0], ico[1], ico[2], ico[3]}).containsExactly(0, 0, 1, 0);
        byte[] icns = Files.readAllBytes(PACKAGING.resolve("macos/voxconsole.icns"));
        assertThat(new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("icns");
    }

    @Test
    void aDoubleClickedBundleReachesTheConsoleOnEverySystem() throws IOException {
        for (String os : SYSTEMS) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(PACKAGING.resolve(os).resolve("voxbundle.properties"))) {
                p.load(in);
            }
            assertThat(p.getProperty("extension")).as(os).isEqualTo("voxbundle");
            assertThat(p.getProperty("mime-type")).as(os).isEqualTo("application/x-voxanne-bundle");
            assertThat(Path.of(p.getProperty("icon"))).as(os).exists();
            assertThat(read(PACKAGING.resolve(os).resolve("installer.args"))).as(os).contains("--file-associations packaging/" + os + "/voxbundle.properties");
        }
        // Linux passes the file as %f; the launcher opens a lone .voxbundle argument (CommandLineTest).
        String desktop = read(PACKAGING.resolve("linux/voxconsole.desktop"));
        assertThat(desktop).contains("Exec=/opt/voxconsole/bin/voxconsole %f").contains("MimeType=application/x-voxanne-bundle;")
                .contains("Name=Voxanne Ops Console");
    }

    @Test
    void windowsKeepsOneUpgradeCodeAndMacOneBundleId() throws IOException {
        Matcher uuid = Pattern.compile("--win-upgrade-uuid (\\S+)").matcher(read(PACKAGING.resolve("windows/installer.args")));
        assertThat(uuid.find()).isTrue();
        assertThat(UUID.fromString(uuid.group(1)).toString()).isEqualTo(uuid.group(1));
        assertThat(read(PACKAGING.resolve("macos/image.args"))).contains("--mac-package-identifier com.voxanne.opsconsole");
        assertThat(read(PACKAGING.resolve("macos/installer.args"))).contains("--mac-package-identifier com.voxanne.opsconsole");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowBuildsAnInstallerOnEachSystem() throws IOException {
        Map<String, Object> workflow = new Yaml().load(read(Path.of(".github/workflows/installers.yml")));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        assertThat(jobs).containsOnlyKeys("linux", "windows", "macos");
        Map<String, String> runner = Map.of("linux", "ubuntu-", "windows", "windows-", "macos", "macos-");
        Map<String, String> artifact = Map.of("linux", "*.deb", "windows", "*.msi", "macos", "*.dmg");
        for (var job : jobs.entrySet()) {
            Map<String, Object> spec = (Map<String, Object>) job.getValue();
            assertThat((String) spec.get("runs-on")).as(job.getKey()).startsWith(runner.get(job.getKey()));
            List<Map<String, Object>> steps = (List<Map<String, Object>>) spec.get("steps");
            assertThat(steps).as(job.getKey()).anySatisfy(s -> assertThat(String.valueOf(s.get("run"))).contains("mvn -B -Pinstaller"));
            assertThat(steps).as(job.getKey()).anySatisfy(s -> assertThat(String.valueOf(s.get("uses"))).startsWith("actions/setup-java"));
            assertThat(steps).as(job.getKey()).anySatisfy(s -> assertThat(String.valueOf(s.get("with"))).contains(artifact.get(job.getKey())));
        }
        List<Map<String, Object>> linux = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("linux")).get("steps");
        assertThat(linux).anySatisfy(s -> assertThat(String.valueOf(s.get("run"))).contains("packaging/linux/smoke-test.sh"));
        // Windows and macOS test on their own system and start the installed console with the smoke option.
        for (String os : List.of("windows", "macos")) {
            List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(os)).get("steps");
            assertThat(steps).as(os).anySatisfy(s -> assertThat(String.valueOf(s.get("run"))).contains("mvn -B verify"));
            assertThat(steps).as(os).anySatisfy(s -> assertThat(String.valueOf(s.get("run")))
                    .contains("VOXCONSOLE_SMOKE_SECONDS").contains("VOXCONSOLE_DEMO_LOGIN").contains("Voxanne Ops Console"));
        }
    }
}
