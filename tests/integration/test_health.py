"""GET /health: what an operator's probe sees."""

from devtools.redis_server import free_port


def test_health_is_ok_when_database_and_redis_answer(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "redis": "ok"}


def test_health_is_503_when_redis_is_down(app, client):
    saved_url, saved_client = app.config["REDIS_URL"], app.extensions.pop("console_redis", None)
    app.config["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    try:
        response = client.get("/health")
    finally:
        app.config["REDIS_URL"] = saved_url
        app.extensions.pop("console_redis", None)
        if saved_client is not None:
            app.extensions["console_redis"] = saved_client
    assert response.status_code == 503
    assert response.json["redis"] == "down" and response.json["database"] == "ok"


def test_health_needs_no_sign_in(client):
    assert client.get("/health").status_code == 200
