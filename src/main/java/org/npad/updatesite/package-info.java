/**
 * Builds the file tree of a Fiji update site for N-pad: the jars Fiji does not ship, each stored
 * under the name the ImageJ updater downloads ({@code <filename>-<timestamp>}), and the
 * {@code db.xml.gz} index that lists them with the updater's own checksums.
 * <p>
 * The updater refuses a download whose size or checksum differs from the index, so the checksum here
 * follows the updater's rules exactly ({@link org.npad.updatesite.UpdaterChecksum}); the index
 * format follows the updater's reader and writer ({@link org.npad.updatesite.DbXmlFile}).
 * {@link org.npad.updatesite.UpdateSiteBuilder} writes the tree and
 * {@link org.npad.updatesite.UpdateSiteCheck} checks a tree before it is uploaded.
 */
package org.npad.updatesite;
