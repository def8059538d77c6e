/**
 * What the process does when it cannot go on: an OutOfMemoryError (or another VirtualMachineError but a stack
 * overflow) anywhere ends it at once, so that a supervisor restarts a whole service rather than one left half alive.
 */
package org.shipaudit.process;
