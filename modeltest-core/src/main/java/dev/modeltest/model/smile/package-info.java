/**
 * The Smile adapter: loads a serialized Smile model with an allow-list and size, depth and time limits on Java
 * deserialization. The only package that names Smile classes, so that smile-core stays optional.
 *
 * @since 0.1.0
 */
package dev.modeltest.model.smile;
