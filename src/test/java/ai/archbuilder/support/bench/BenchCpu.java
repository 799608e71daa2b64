package ai.archbuilder.support.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the application's JVM and by the PostgreSQL server, from
 * {@code /proc/<pid>/stat} (Linux). Unlike jobs per second, CPU per job hardly moves when the
 * machine's neighbours are busy, so it shows a change that the wall clock hides in its noise.
 */
final class BenchCpu {

  /** Linux reports CPU time in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
  static final double TICKS_PER_SECOND = 100.0;

  private BenchCpu() {}

  /** One reading: the JVM's and PostgreSQL's CPU seconds. */
  record Reading(double jvm, double postgres) {

    /** CPU milliseconds per unit of work between {@code before} and this reading. */
    double[] msPer(Reading before, long units) {
      return new double[] {(jvm - before.jvm) * 1000 / units, (postgres - before.postgres) * 1000 / units};
    }
  }

  static Reading read(long jvmPid) {
    return new Reading(seconds(Path.of("/proc", Long.toString(jvmPid), "stat"), false), postgres());
  }

  /**
   * Every process named {@code postgres}; with the CPU of children already ended (a backend that
   * exited), which the kernel adds to its parent, the postmaster.
   */
  private static double postgres() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .map(p -> p.resolve("stat"))
          .mapToDouble(stat -> {
            var fields = fields(stat);
            return fields != null && fields[1].equals("(postgres)") ? seconds(fields, true) : 0;
          })
          .sum();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static double seconds(Path stat, boolean withChildren) {
    var fields = fields(stat);
    return fields == null ? Double.NaN : seconds(fields, withChildren);
  }

  /** utime and stime are fields 14 and 15, the children's 16 and 17 (proc(5)). */
  private static double seconds(String[] fields, boolean withChildren) {
    long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    if (withChildren) {
      ticks += Long.parseLong(fields[15]) + Long.parseLong(fields[16]);
    }
    return ticks / TICKS_PER_SECOND;
  }

  private static String[] fields(Path stat) {
    try {
      // the command name is in parentheses and has no spaces for the processes we read
      return Files.readString(stat).trim().split(" ");
    } catch (IOException e) {
      return null; // the process ended meanwhile
    }
  }
}
