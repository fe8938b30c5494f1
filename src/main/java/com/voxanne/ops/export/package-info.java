/** Exporting the calls in view from a live database to a signed bundle: the dialog, its progress and the export itself. */
package com.voxanne.ops.export;
