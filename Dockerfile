#
# SPDX-FileCopyrightText: The civic-diary authors
# SPDX-License-Identifier: EUPL-1.2
#

# The civic-diary server as a container image, for those who build images elsewhere.
# NOT TESTED by this project: no container registry is reachable from the machines its CI runs on,
# so this file has never been built there. The jar and the Debian package are the tested ways.
#
#   docker build -t civic-diary .
#   docker run -p 8080:8080 -v civic-diary-data:/var/lib/civic-diary civic-diary
#
# Settings: the Debian package's template is /etc/civic-diary/civic-diary.properties (H2 and the
# mail-drop under the volume); override any key with an environment variable, e.g.
#   -e CIVICDIARY_DB_URL=jdbc:postgresql://db:5432/civicdiary -e CIVICDIARY_DB_USER=... -e CIVICDIARY_DB_PASSWORD=...

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl examples -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system civic-diary \
 && useradd --system --gid civic-diary --home-dir /var/lib/civic-diary --shell /usr/sbin/nologin civic-diary \
 && install -d -o civic-diary -g civic-diary -m 0750 /var/lib/civic-diary
COPY --from=build /src/examples/target/civic-diary-server-*.jar /usr/share/civic-diary/civic-diary-server.jar
COPY --chown=root:civic-diary --chmod=640 examples/src/deb/civic-diary.properties /etc/civic-diary/civic-diary.properties
# The template listens on 127.0.0.1 for a reverse proxy on the same host; in a container, on all.
ENV CIVICDIARY_WEB_HOST=0.0.0.0 \
    CIVICDIARY_WEB_PORT=8080
USER civic-diary
WORKDIR /var/lib/civic-diary
VOLUME /var/lib/civic-diary
EXPOSE 8080
# bash's /dev/tcp, so the image needs no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=75", "-jar", "/usr/share/civic-diary/civic-diary-server.jar", "--config", "/etc/civic-diary/civic-diary.properties"]
