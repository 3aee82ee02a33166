# The production image: gunicorn serving the project with production settings.
# Build:  docker build -t open-doors .
# Run:    see docker-compose.yml and docs/deployment.md (migrations run as a separate step).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    PORT=8000 \
    WEB_CONCURRENCY=3

# espeak-ng reads lessons aloud (docs/narration.md); Pango and the Noto and DejaVu fonts make
# the PDF handouts, Arabic and Farsi included (docs/handouts.md). No font comes from the web.
RUN apt-get update \
    && apt-get install -y --no-install-recommends espeak-ng libpango-1.0-0 libpangoft2-1.0-0 \
       fonts-noto-core fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 app
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=app:app . .

# Static files are collected into the image (hashed names, gzip copies) so every container
# serves identical files through whitenoise. The key only satisfies the settings check.
RUN SECRET_KEY=collectstatic-only-not-a-secret python manage.py collectstatic --no-input -v0 \
    && mkdir -p media var/private && chown -R app:app media var

USER app
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=4)"

# gunicorn reads WEB_CONCURRENCY for the number of workers; it believes the forwarded headers
# (the scheme) only from TRUSTED_PROXIES, as the rate limits do for the client address; its
# access log masks secrets in addresses (cms/log_masking.py).
CMD ["sh", "-c", "exec gunicorn cms.wsgi --bind 0.0.0.0:${PORT} --no-control-socket --access-logfile - --logger-class cms.log_masking.AccessLogWithoutSecrets --forwarded-allow-ips=\"${TRUSTED_PROXIES:-127.0.0.1,::1}\" --timeout 30"]
