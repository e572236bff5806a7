"""Health: for a load balancer or a trainer checking the server is up."""

from fastapi import APIRouter

from ...contracts.http import Health
from ..deps import ServicesDep

router = APIRouter(prefix="/api")


@router.get("/health", response_model=Health)
def health(svc: ServicesDep) -> dict:
    return {"status": "ok", "database": svc.live.engine.dialect.name, "scenarios": sorted(svc.packs)}
