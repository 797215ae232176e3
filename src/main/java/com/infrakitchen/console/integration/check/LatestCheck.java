package com.infrakitchen.console.integration.check;

/** The newest stored result of an integration, and whether a value it tested has changed since. */
public record LatestCheck(CheckRecord record, boolean outdated) {
}
