# Neighbourhood plc: `docker run -p 8000:8000 -v nplc-data:/data -e NPLC_PUBLIC_URL=http://<this machine's address>:8000 nplc`
FROM python:3.11-slim

WORKDIR /srv/nplc
COPY pyproject.toml README.md ./
COPY app ./app
COPY frontend ./frontend
COPY scenarios ./scenarios
# Editable, so the app finds frontend/ and scenarios/ beside it.
RUN pip install --no-cache-dir -e . && useradd --system --home /srv/nplc nplc && mkdir /data && chown nplc /data

ENV NPLC_DATABASE_URL=sqlite:////data/nplc.db \
    NPLC_HOST=0.0.0.0 \
    NPLC_PORT=8000
VOLUME /data
EXPOSE 8000
USER nplc
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/health')"
CMD ["nplc", "serve"]
