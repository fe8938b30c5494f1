/** Reviewing a bundle offline: its own review database, the reviewer's notes beside the bundle, and trusting its signer. */
package com.voxanne.ops.offline;
