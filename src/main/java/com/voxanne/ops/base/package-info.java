/**
 * What every package may use and that uses nothing of ours: the one-sentence exception a person
 * is shown, and the console's version.
 */
package com.voxanne.ops.base;
