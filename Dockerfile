# Mockboard production image: build with the Maven wrapper (the front end is built by Quinoa), run on a JRE.
# docker build -t mockboard . && docker run -p 8080:8080 -e MOCKBOARD_DB_URL=... mockboard
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -Dprod dependency:go-offline
COPY db db
COPY src/main src/main
COPY frontend frontend
# Quinoa installs Node.js for the front-end build inside the image.
RUN ./mvnw -B -Dprod -DskipTests package \
      -Dquarkus.quinoa.package-manager-install=true \
      -Dquarkus.quinoa.package-manager-install.node-version=22.12.0 \
      -Dquarkus.quinoa.package-manager-install.npm-version=10.9.0

FROM eclipse-temurin:21-jre
WORKDIR /app
RUN useradd --system --uid 1001 mockboard && mkdir -p /app/cds && chown 1001 /app/cds
COPY --from=build --chown=1001 /src/target/quarkus-app/ /app/
USER 1001
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /q/health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '200 OK' <&3"]
# The first start writes a class-data archive when it stops; later starts of the container load classes from it
# (about a third faster; a volume on /app/cds keeps it across containers).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=/app/cds/mockboard.jsa", \
            "-jar", "/app/quarkus-run.jar"]
