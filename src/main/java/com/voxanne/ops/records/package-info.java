/**
 * Rows that several features read, with their DAOs: a call's contact, its tracking, a contact's
 * appointments, the signed-in person's profile. They live below the features so that a call's
 * details can show its contact and appointments without the calls feature depending on the
 * contacts or appointments features, which build on calls. Nothing here imports a feature.
 */
package com.voxanne.ops.records;
