package ai.archbuilder.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Docker image starts with a class-data archive made in its own build. The JVM ignores an
 * archive silently when the class path differs from the training run's, so the image would start
 * slowly without anyone noticing: the archive and the jar must be the same paths in both places.
 * (There is no Docker engine here to build the image; this reads the Dockerfile.)
 */
class DockerImageTest {

  private static final Pattern ARCHIVE_AT_EXIT = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)");
  private static final Pattern SHARED_ARCHIVE = Pattern.compile("\"-XX:SharedArchiveFile=([^\"]+)\"");
  private static final Pattern JAR = Pattern.compile("-jar\\s+(/\\S+)");
  private static final Pattern ENTRYPOINT_JAR = Pattern.compile("\"-jar\",\\s*\"([^\"]+)\"");

  @Test
  void theImageStartsWithTheArchiveOfItsOwnTrainingRun() throws IOException {
    var dockerfile = Files.readString(Path.of("Dockerfile")).replace("\\\n", " ");
    var training = dockerfile.lines().filter(l -> l.contains("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow();
    var entrypoint = dockerfile.lines().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();

    var trainedArchive = group(ARCHIVE_AT_EXIT, training);
    var trainedJar = group(JAR, training.substring(training.indexOf("-XX:ArchiveClassesAtExit=")));
    assertThat(trainedArchive).startsWith("/");
    assertThat(training).contains("-Dspring.context.exit=onRefresh", "jdbc:h2:mem:");

    assertThat(group(SHARED_ARCHIVE, entrypoint)).isEqualTo(trainedArchive);
    assertThat(group(ENTRYPOINT_JAR, entrypoint)).isEqualTo(trainedJar);
    assertThat(entrypoint).contains("\"-Xmx512m\"");
    // the same JVM makes the archive and runs it: the training happens in the runtime stage
    var runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    assertThat(runtimeStage).contains("-XX:ArchiveClassesAtExit=");
  }

  private static String group(Pattern p, String line) {
    var m = p.matcher(line);
    assertThat(m.find()).as("%s in %s", p, line).isTrue();
    return m.group(1);
  }
}
