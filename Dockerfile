# One image for every service of docker-compose.yml: the dlp relay, folder watcher, review web UI and
# registry job, Debian's Postfix in front of the relay, PostgreSQL for the incident store, and a mail sink
# for trying it out. See docs/deploy.md.
#
#   docker-compose build                      # from python:3.12-slim-bookworm and PyPI
#   docker build --build-arg BASE=IMAGE --build-arg WHEELHOUSE=var/deploy/wheelhouse .
#                                             # offline: a base that already has the Debian packages below,
#                                             # and wheels made on the host with `pip wheel '.[postgres]'`
#
# No secret is ever copied in: the quarantine key, the web UI's session key and the database password come
# from files (Docker secrets) or the environment when a container starts (docker/entrypoint.sh).

ARG BASE=python:3.12-slim-bookworm

FROM ${BASE} AS system
# Debian packages: Postfix, PostgreSQL, Tesseract for OCR of scanned letters. A base image that has them all
# already (the tests make one with debootstrap) needs no network here.
ARG DEBIAN_PACKAGES="postfix postgresql tesseract-ocr tesseract-ocr-eng ca-certificates"
RUN set -eu; missing=""; \
    for package in $DEBIAN_PACKAGES; do \
      dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"; \
    done; \
    python3 -c "import ensurepip" 2>/dev/null || missing="$missing python3-venv"; \
    if [ -n "$missing" ]; then \
      echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections; \
      apt-get update; \
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing; \
      rm -rf /var/lib/apt/lists/*; \
    fi; \
    useradd --system --user-group --uid 10001 --home-dir /var/lib/dlp --shell /usr/sbin/nologin dlp; \
    mkdir -p /etc/dlp /var/lib/dlp/registry /var/lib/dlp/quarantine /var/lib/dlp/presend/inbox \
      /var/lib/dlp/presend/cleared /var/lib/dlp/presend/quarantine /var/lib/dlp-sink /var/lib/dlp-postgres; \
    chown -R dlp:dlp /var/lib/dlp /var/lib/dlp-sink; \
    chown postgres:postgres /var/lib/dlp-postgres

FROM system AS build
# WHEELHOUSE: a folder of the build context holding wheels of dlp and everything it needs (offline install);
# empty: dlp is built from this source and its requirements come from the package index.
# EXTRAS: dlp's optional parts; the cluster profile's image adds `cluster` (Dask) to them.
ARG WHEELHOUSE=""
ARG EXTRAS="postgres"
COPY . /src
RUN set -eu; python3 -m venv /opt/dlp; \
    if [ -n "$WHEELHOUSE" ]; then \
      /opt/dlp/bin/pip install --no-cache-dir --no-index --find-links "/src/$WHEELHOUSE" "dlp-outgoing[$EXTRAS]"; \
    else \
      /opt/dlp/bin/pip install --no-cache-dir "/src[$EXTRAS]"; \
    fi; \
    /opt/dlp/bin/dlp --version

FROM system
COPY --from=build /opt/dlp /opt/dlp
COPY docker/entrypoint.sh /usr/local/bin/dlp-entrypoint
COPY docker/postfix.sh /usr/local/bin/dlp-postfix
COPY docker/postgres.sh /usr/local/bin/dlp-postgres
COPY docker/dlp.toml /etc/dlp/dlp.toml
ENV PATH=/opt/dlp/bin:$PATH PYTHONUNBUFFERED=1
WORKDIR /var/lib/dlp
ENTRYPOINT ["dlp-entrypoint"]
CMD ["dlp", "--help"]
