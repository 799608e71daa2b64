# Build: docker build -t archbuilder/support-desk .   (docker-compose.yml does this)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY dmn dmn
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 1001 support
COPY --from=build /src/target/support-desk-*.jar /tmp/support-desk.jar
# Faster start-up (README, Benchmarks): the jar extracted (app.jar + lib/), then a training run that
# starts the application context once on an in-memory database and archives the classes it loaded
# (class data sharing). The archive belongs to this JVM and these jars, so both are made here, and
# the paths at run time are the same as in training.
RUN java -Djarmode=tools -jar /tmp/support-desk.jar extract --destination /app/lib-extracted \
 && mv /app/lib-extracted/support-desk-*.jar /app/lib-extracted/app.jar \
 && rm /tmp/support-desk.jar \
 && java -Xmx512m -XX:ArchiveClassesAtExit=/app/lib-extracted/app.jsa -Dspring.context.exit=onRefresh \
      -jar /app/lib-extracted/app.jar \
      --spring.profiles.active=demo --spring.datasource.url=jdbc:h2:mem:cds-training --server.port=0
USER support
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx512m", "-XX:SharedArchiveFile=/app/lib-extracted/app.jsa", "-jar", "/app/lib-extracted/app.jar"]
