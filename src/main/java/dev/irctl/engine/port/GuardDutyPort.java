package dev.irctl.engine.port;

/** GuardDuty in one region. */
public interface GuardDutyPort {}
