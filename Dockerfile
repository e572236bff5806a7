# Neighbourhood plc: `docker run -p 8000:8000 -v nplc-data:/data -e NPLC_PUBLIC_URL=http://<this machine's address>:8000 nplc`
FROM python:3.11-slim AS wheel

WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
COPY frontend ./frontend
COPY scenarios ./scenarios
RUN pip wheel --no-cache-dir --no-deps . -w /wheels

FROM python:3.11-slim

# Dependencies at the locked versions, checked against their hashes; then the wheel, which carries the
# frontend and the shipped packs, so nothing runs from a source tree.
COPY requirements-runtime.lock /tmp/requirements-runtime.lock
RUN pip install --no-cache-dir --require-hashes -r /tmp/requirements-runtime.lock && rm /tmp/requirements-runtime.lock
COPY --from=wheel /wheels /tmp/wheels
RUN pip install --no-cache-dir --no-deps /tmp/wheels/*.whl && pip check && rm -r /tmp/wheels \
    && useradd --system --no-create-home --shell /usr/sbin/nologin nplc && mkdir /data && chown nplc /data

ENV NPLC_DATABASE_URL=sqlite:////data/nplc.db \
    NPLC_HOST=0.0.0.0 \
    NPLC_PORT=8000
VOLUME /data
WORKDIR /data
EXPOSE 8000
USER nplc
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/health')"
CMD ["nplc", "serve"]
