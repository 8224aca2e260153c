import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Product } from './product.entity';

// One photo of a product. The files (one WebP per size) live in FileStorage under StoragePaths.productImage;
// `version` is part of their key and of the public URL, so cached copies never go stale.
@Entity({ name: 'product_image' })
@Index('uq_product_image_position', ['productId', 'position'], { unique: true })
export class ProductImage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) productId!: string;
  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id' })
  product?: Product;
  /** Display order, from 1; the first image is the main one. */
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'text' }) version!: string;
  /** Size of the upload after EXIF rotation, before resizing. */
  @Column({ type: 'int' }) width!: number;
  @Column({ type: 'int' }) height!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
