/**
 * The transcript bundle as a file: its format, writing it entry by entry with the manifest's
 * hashes and signature, and checking one before anything of it is trusted. The export writes
 * bundles and offline review reads them; both build on this and not on each other.
 */
package com.voxanne.ops.bundle;
