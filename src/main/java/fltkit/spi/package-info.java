/**
 * What an implementation under test provides: a {@link fltkit.spi.FilterManagerProvider} that names it and
 * makes a fresh {@link fltkit.spi.FilterManager} per scenario, the five core routines, and optional role
 * interfaces whose implementation declares the matching {@link fltkit.spi.Capability}.
 *
 * <p>Stability: this package is the kit's public API for implementers. Until version 1.0 it may still
 * change between minor versions (each change is named in the release notes); from 1.0 it follows
 * semantic versioning. Nothing outside this package is API.
 */
package fltkit.spi;
