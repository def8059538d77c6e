/** What an audit produces: findings with their evidence, the verdict they add up to, and the audit result. */
package org.shipaudit.findings;
