import { Global, Module } from '@nestjs/common';
import { ImageProcessor } from '../media/image-processor';
import { FileStorage } from './file-storage';

@Global()
@Module({ providers: [FileStorage, ImageProcessor], exports: [FileStorage, ImageProcessor] })
export class StorageModule {}
